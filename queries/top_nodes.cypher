// The best linked nodes of the graph seen through a filter: only some labels and relationship types.
// param labels: list -- node labels to keep (Paper, Model, Dataset, Method, Repo, Author)
// param rel_types: list -- relationship types to keep (USES, CITES, ...)
// param min_degree: int -- drop nodes with fewer kept relationships than this
// param limit: int -- at most this many nodes; total says how many passed the filter
MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels)
OPTIONAL MATCH (n)-[r]-(m) WHERE type(r) IN $rel_types AND any(label IN labels(m) WHERE label IN $labels)
WITH n, count(r) AS degree
WHERE degree >= $min_degree
ORDER BY degree DESC, n.key
WITH collect({key: n.key, degree: degree}) AS found
UNWIND found[0..$limit] AS row
RETURN row.key AS key, row.degree AS degree, size(found) AS total
