// Papers by authors whose name holds every given word (case-insensitive), newest first.
// param words: list -- lower-case words of the author's name, e.g. yann, lecun
// param limit: int -- at most this many rows
MATCH (a:Author)
WHERE size($words) > 0 AND all(word IN $words WHERE toLower(a.name) CONTAINS word)
MATCH (a)-[:WROTE]->(p:Paper)
RETURN a.key AS author_key, a.name AS author, p.key AS paper, p.title AS title, p.published AS published
ORDER BY coalesce(published, '') DESC, toLower(title), paper, author_key
LIMIT $limit
