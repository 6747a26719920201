// Nodes with any of the given keys, whatever their label: label, all properties, degree (authorship not counted).
// param keys: list -- node keys such as paper:1907.11692 or model:roberta
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
RETURN n.key AS key, labels(n)[0] AS label, properties(n) AS properties, COUNT { (n)-[r]-() WHERE type(r) <> 'WROTE' } AS degree
ORDER BY key
