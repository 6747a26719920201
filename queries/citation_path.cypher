// The shortest chain of citations from one paper to another (each hop cites the next); among
// chains of equal length, the one whose paper keys sort first.
// param source: str -- key of the citing end
// param target: str -- key of the cited end
MATCH (a:Paper {key: $source}), (b:Paper {key: $target})
WHERE a <> b
MATCH path = allShortestPaths((a)-[:CITES*..10]->(b))
WITH path, [n IN nodes(path) | n.key] AS keys
ORDER BY keys
LIMIT 1
RETURN keys AS nodes, [n IN nodes(path) | coalesce(n.title, n.key)] AS titles,
       [r IN relationships(path) | CASE WHEN r.source IS NOT NULL THEN r.source ELSE 'inferred via ' + r.via END] AS how,
       length(path) AS hops
