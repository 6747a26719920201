// Papers per month for every entity of one type from a month on, for entities linked to enough papers then.
// param type: str -- model, dataset or method
// param since: str -- first month, YYYY-MM ('' for all)
// param min_papers: int -- leave out entities linked to fewer papers in those months
MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WHERE e.type = $type AND p.month IS NOT NULL AND p.month >= $since
WITH e, p.month AS month, count(DISTINCT p) AS papers
WITH e, collect({month: month, papers: papers}) AS months, sum(papers) AS total
WHERE total >= $min_papers
UNWIND months AS m
RETURN e.key AS key, e.name AS name, m.month AS month, m.papers AS papers
ORDER BY key, month
