// Nodes within a number of hops of one node (either direction), nearest and best linked first.
// param key: str -- the key of the node at the centre
// param depth: int -- how many hops out (1 or 2)
// param limit: int -- at most this many nodes (the centre counts); total says how many there were
// The centre is found through its label's key index; degree counts a node's relationships but authorship (WROTE).
CALL {
  MATCH (a:Paper) WHERE a.key = $key RETURN a
  UNION
  MATCH (a:Model) WHERE a.key = $key RETURN a
  UNION
  MATCH (a:Dataset) WHERE a.key = $key RETURN a
  UNION
  MATCH (a:Method) WHERE a.key = $key RETURN a
  UNION
  MATCH (a:Repo) WHERE a.key = $key RETURN a
  UNION
  MATCH (a:Author) WHERE a.key = $key RETURN a
}
MATCH path = (a)-[*0..2]-(n)
WHERE length(path) <= $depth
WITH n, min(length(path)) AS distance
WITH n, distance, COUNT { (n)-[r]-() WHERE type(r) <> 'WROTE' } AS degree
ORDER BY distance, degree DESC, n.key
WITH collect({key: n.key, distance: distance, degree: degree}) AS found
UNWIND found[0..$limit] AS row
RETURN row.key AS key, row.distance AS distance, row.degree AS degree, size(found) AS total
