// Papers whose title contains every given word (case-insensitive), ordered by title.
// param words: list -- words that must all occur in the title; an empty list matches every paper
// param limit: int -- at most this many rows
MATCH (p:Paper)
WHERE coalesce(p.stub, false) = false
  AND all(word IN $words WHERE toLower(p.title) CONTAINS toLower(word))
OPTIONAL MATCH (p)-[:HAS_REPO]->(r:Repo)
WITH p, r ORDER BY r.url
WITH p, collect(r.url) AS repos
RETURN p.key AS key, p.title AS title, p.arxiv_id AS arxiv_id, p.published AS published,
       p.sources AS sources, repos
ORDER BY toLower(title), key
LIMIT $limit
