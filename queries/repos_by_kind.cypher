// How many repos and project pages of each kind the graph holds.
MATCH (r:Repo)
RETURN r.kind AS kind, count(r) AS repos
ORDER BY kind
