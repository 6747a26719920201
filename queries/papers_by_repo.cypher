// Papers that link to a repository or project page, with the sentence that gives the link.
// param key: str -- the repo key (kg.model.repo_key of the URL)
MATCH (p:Paper)-[r:HAS_REPO]->(repo:Repo {key: $key})
RETURN p.key AS paper, p.title AS title, repo.url AS url, repo.kind AS kind, r.evidence AS evidence
ORDER BY toLower(title), paper
