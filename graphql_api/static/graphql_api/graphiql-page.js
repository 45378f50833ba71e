/*
 * Starts GraphiQL on the page that serves it (graphql/graphiql.html), against this same URL. In a file rather than
 * inline, so a Content-Security-Policy without 'unsafe-inline' still lets it run.
 * ?q=... opens with that query (not ?query=, which a GET to this URL runs as the query itself).
 */
(function () {
  "use strict";
  var endpoint = window.location.origin + window.location.pathname;
  var parameters = new URLSearchParams(window.location.search);
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var explorer = GraphiQLPluginExplorer.explorerPlugin();

  function App() {
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      plugins: [explorer],
      defaultQuery: parameters.get("q") || undefined,
      defaultEditorToolsVisibility: true,
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(App));
})();
