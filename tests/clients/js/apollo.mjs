// Apollo Client 4 as a portal sets it up: automatic persisted queries over GET, HttpLink, the default
// InMemoryCache. Runs one scenario against GRAPHQL_URL and prints what it observed as JSON; the Python tests in
// tests/clients/ decide what is right.
import { createHash } from "node:crypto";

import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

import { EVENTS_PAGE, PAGE_IN_LOCALE, argument, loggedFetch, print } from "./common.mjs";

function client(requests) {
  const persisted = new PersistedQueryLink({
    sha256: (text) => createHash("sha256").update(text).digest("hex"),
    useGETForHashedQueries: true,
  });
  const http = new HttpLink({ uri: process.env.GRAPHQL_URL, fetch: loggedFetch(requests) });
  return new ApolloClient({ link: ApolloLink.from([persisted, http]), cache: new InMemoryCache() });
}

const scenarios = {
  // Every event, two at a time, following endCursor: hashes first, the document only when the server asks.
  async paging() {
    const requests = [];
    const apollo = client(requests);
    const titles = [];
    let after = null;
    for (let page = 0; page < 20; page += 1) {
      const { data } = await apollo.query({
        query: gql(EVENTS_PAGE), variables: { first: 2, after }, fetchPolicy: "network-only",
      });
      titles.push(...data.events.edges.map((edge) => edge.node.title));
      if (!data.events.pageInfo.hasNextPage) break;
      after = data.events.pageInfo.endCursor;
    }
    return { titles, requests };
  },

  // Client errors reach the application with their stable codes.
  async errors() {
    const apollo = client([]);
    const codes = {};
    const cases = {
      pageSize: { query: EVENTS_PAGE, variables: { first: 101 } },
      cursor: { query: EVENTS_PAGE, variables: { first: 2, after: "forged" } },
      locale: { query: PAGE_IN_LOCALE, variables: { path: "/", locale: "xx" } },
    };
    for (const [name, { query, variables }] of Object.entries(cases)) {
      try {
        await apollo.query({ query: gql(query), variables, fetchPolicy: "network-only" });
        codes[name] = null;
      } catch (error) {
        codes[name] = CombinedGraphQLErrors.is(error) ? error.errors.map((e) => e.extensions?.code) : String(error);
      }
    }
    return { codes };
  },

  // One normalised cache, three locales of the same page: what the Italian query reads back afterwards.
  async locales() {
    const apollo = client([]);
    const path = argument("path");
    const served = {};
    for (const locale of ["it", "es", "ar"]) {
      const { data } = await apollo.query({ query: gql(PAGE_IN_LOCALE), variables: { path, locale } });
      served[locale] = data.page;
    }
    const itAgain = apollo.readQuery({ query: gql(PAGE_IN_LOCALE), variables: { path, locale: "it" } });
    return { served, cached: { it: itAgain.page } };
  },
};

print(await scenarios[process.argv[2]]());
