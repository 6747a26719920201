// The shortest path between two nodes (papers, entities, repos, authors), every hop shown; among
// paths of equal length, the one whose node keys sort first.
// param source: str -- key of the first node
// param target: str -- key of the second node
MATCH (a {key: $source}), (b {key: $target})
MATCH path = allShortestPaths((a)-[*..10]-(b))
WITH path, [n IN nodes(path) | n.key] AS keys
ORDER BY keys, [r IN relationships(path) | type(r)], [r IN relationships(path) | startNode(r).key]
LIMIT 1
RETURN keys AS nodes, [n IN nodes(path) | coalesce(n.name, n.title, n.url)] AS labels,
       [r IN relationships(path) | type(r)] AS relationships,
       [r IN relationships(path) | startNode(r).key] AS starts, length(path) AS hops
