# title: Fill the union graph
# description: Copies every triple of the notice graphs into the default graph, once, so queries see each triple once however many notices state it; the embedded store's revision mark (urn:noticekg:store) stays in its own graph.
INSERT { ?s ?p ?o } WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(?g != <urn:noticekg:store>)
}
