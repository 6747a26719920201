// The shortest path between two nodes (papers, entities, repos, authors), every hop shown; among
// paths of equal length, the one whose node keys sort first.
// param source: str -- key of the first node
// param target: str -- key of the second node
CALL {
  MATCH (a:Paper {key: $source}) RETURN a
  UNION
  MATCH (a:Model {key: $source}) RETURN a
  UNION
  MATCH (a:Dataset {key: $source}) RETURN a
  UNION
  MATCH (a:Method {key: $source}) RETURN a
  UNION
  MATCH (a:Repo {key: $source}) RETURN a
  UNION
  MATCH (a:Author {key: $source}) RETURN a
}
WITH a
CALL {
  MATCH (b:Paper {key: $target}) RETURN b
  UNION
  MATCH (b:Model {key: $target}) RETURN b
  UNION
  MATCH (b:Dataset {key: $target}) RETURN b
  UNION
  MATCH (b:Method {key: $target}) RETURN b
  UNION
  MATCH (b:Repo {key: $target}) RETURN b
  UNION
  MATCH (b:Author {key: $target}) RETURN b
}
MATCH path = allShortestPaths((a)-[*..10]-(b))
WITH path, [n IN nodes(path) | n.key] AS keys
ORDER BY keys, [r IN relationships(path) | type(r)], [r IN relationships(path) | startNode(r).key]
LIMIT 1
RETURN keys AS nodes, [n IN nodes(path) | coalesce(n.name, n.title, n.url)] AS labels,
       [r IN relationships(path) | type(r)] AS relationships,
       [r IN relationships(path) | startNode(r).key] AS starts, length(path) AS hops
