// Relationships whose both ends are among the given nodes, with their properties.
// param keys: list -- node keys
CALL {
  MATCH (a:Paper) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Model) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Dataset) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Method) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Repo) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Author) WHERE a.key IN $keys RETURN a
}
MATCH (a)-[r]->(b) WHERE b.key IN $keys
RETURN type(r) AS type, a.key AS source, b.key AS target, properties(r) AS properties
ORDER BY source, type, target
