// One paper: its fields, sources, authors, repos and entities with their roles.
// param key: str -- the paper key
MATCH (p:Paper {key: $key})
OPTIONAL MATCH (p)-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WITH p, e, r ORDER BY e.key
WITH p, collect(CASE WHEN e IS NULL THEN NULL ELSE {key: e.key, name: e.name, type: e.type, role: toLower(type(r))} END) AS entities
OPTIONAL MATCH (p)-[:HAS_REPO]->(repo:Repo)
WITH p, entities, repo ORDER BY repo.url
RETURN p.key AS key, p.title AS title, p.arxiv_id AS arxiv_id, coalesce(p.ids, []) AS ids, p.published AS published,
       coalesce(p.authors, []) AS authors, coalesce(p.sources, []) AS sources, p.abstract AS abstract,
       collect(repo.url) AS repos, entities
