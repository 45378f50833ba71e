// What the client drivers share: the operations portals send, a fetch that records each request, the output.

export const EVENTS_PAGE = `
  query EventsPage($first: Int, $after: String) {
    events(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id title } }
    }
  }
`;

// The page and its blocks in a locale, with what the API says it served.
export const PAGE_IN_LOCALE = `
  query PageInLocale($path: String!, $locale: String!) {
    page(path: $path, locale: $locale) {
      __typename id title isFallback locale { code }
      ... on ServicePage { body { __typename id blockType ... on HeadingBlock { text } } }
    }
  }
`;

// `name=value` arguments after the scenario's name.
export function argument(name) {
  const found = process.argv.slice(3).find((arg) => arg.startsWith(`${name}=`));
  if (found === undefined) throw new Error(`missing argument ${name}=...`);
  return found.slice(name.length + 1);
}

// Records method, what the URL carried and the answer of every request the client makes.
export function loggedFetch(requests) {
  return async (input, init = {}) => {
    const url = new URL(typeof input === "string" ? input : input.url);
    const response = await fetch(input, init);
    const body = await response.clone().json().catch(() => null);
    requests.push({
      method: init.method ?? "GET",
      query: url.searchParams.has("query") || (typeof init.body === "string" && init.body.includes('"query"')),
      hash: (url.searchParams.get("extensions") ?? init.body ?? "").includes("sha256Hash"),
      status: response.status,
      cache: response.headers.get("x-graphql-cache"),
      codes: (body?.errors ?? []).map((error) => error.extensions?.code),
    });
    return response;
  };
}

export function print(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
