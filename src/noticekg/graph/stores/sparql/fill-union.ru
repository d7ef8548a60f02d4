# title: Fill the union graph
# description: Copies every triple of the notice graphs into the default graph, once, so queries see each triple once however many notices state it.
INSERT { ?s ?p ?o } WHERE {
  GRAPH ?g { ?s ?p ?o }
}
