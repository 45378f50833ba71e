// urql as a portal sets it up: @urql/core with its document cache and GET for queries, and Graphcache (the
// normalised cache). Runs one scenario against GRAPHQL_URL and prints what it observed as JSON.
import { Client, cacheExchange, fetchExchange, gql } from "@urql/core";
import { cacheExchange as graphcacheExchange } from "@urql/exchange-graphcache";

import { EVENTS_PAGE, PAGE_IN_LOCALE, argument, loggedFetch, print } from "./common.mjs";

function client(requests, cache = cacheExchange) {
  return new Client({
    url: process.env.GRAPHQL_URL,
    exchanges: [cache, fetchExchange],
    preferGetMethod: "within-url-limit",
    fetch: loggedFetch(requests),
  });
}

const scenarios = {
  // Every event, two at a time; then the first page again, which the document cache answers.
  async paging() {
    const requests = [];
    const urql = client(requests);
    const titles = [];
    let after = null;
    for (let page = 0; page < 20; page += 1) {
      const { data, error } = await urql.query(gql(EVENTS_PAGE), { first: 2, after }).toPromise();
      if (error) throw error;
      titles.push(...data.events.edges.map((edge) => edge.node.title));
      if (!data.events.pageInfo.hasNextPage) break;
      after = data.events.pageInfo.endCursor;
    }
    const sent = requests.length;
    const again = await urql.query(gql(EVENTS_PAGE), { first: 2, after: null }).toPromise();
    return { titles, requests, servedFromCache: requests.length === sent && again.data.events.edges.length === 2 };
  },

  // Errors as urql's CombinedError shows them: codes, and whether the response had `data`.
  async errors() {
    const urql = client([]);
    const cases = {
      pageSize: [EVENTS_PAGE, { first: 101 }],
      locale: [PAGE_IN_LOCALE, { path: "/", locale: "xx" }],
      unknownField: ["query Broken { events { nope } }", {}],
    };
    const observed = {};
    for (const [name, [query, variables]] of Object.entries(cases)) {
      const { data, error } = await urql.query(gql(query), variables, { requestPolicy: "network-only" }).toPromise();
      observed[name] = {
        codes: error ? error.graphQLErrors.map((e) => e.extensions?.code) : [],
        network: Boolean(error?.networkError),
        data: data ?? null,
      };
    }
    return observed;
  },

  // One Graphcache, three locales of the same page: what the Italian query reads back afterwards.
  async locales() {
    const urql = client([], graphcacheExchange({ keys: { Locale: (locale) => locale.code } }));
    const path = argument("path");
    const served = {};
    for (const locale of ["it", "es", "ar"]) {
      const { data, error } = await urql.query(gql(PAGE_IN_LOCALE), { path, locale }).toPromise();
      if (error) throw error;
      served[locale] = data.page;
    }
    const itAgain = await urql
      .query(gql(PAGE_IN_LOCALE), { path, locale: "it" }, { requestPolicy: "cache-only" })
      .toPromise();
    return { served, cached: { it: itAgain.data?.page ?? null } };
  },
};

print(await scenarios[process.argv[2]]());
