// What sizes a node in a drawing: the papers linked to it (not counting authorship) and the papers citing it.
// param keys: list -- node keys of any label
// papers: distinct papers with a role or HAS_REPO relationship to an entity or repo, or that an author wrote;
// cited_by: CITES relationships into a paper from papers of the graph.
CALL {
  MATCH (n:Paper) WHERE n.key IN $keys RETURN n
  UNION
  MATCH (n:Model) WHERE n.key IN $keys RETURN n
  UNION
  MATCH (n:Dataset) WHERE n.key IN $keys RETURN n
  UNION
  MATCH (n:Method) WHERE n.key IN $keys RETURN n
  UNION
  MATCH (n:Repo) WHERE n.key IN $keys RETURN n
  UNION
  MATCH (n:Author) WHERE n.key IN $keys RETURN n
}
RETURN n.key AS key,
       COUNT { MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]->(n) RETURN DISTINCT p } +
       COUNT { MATCH (n)-[:WROTE]->(p:Paper) RETURN DISTINCT p } AS papers,
       COUNT { (:Paper)-[:CITES]->(n) } AS cited_by
ORDER BY key
