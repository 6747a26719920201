// Papers a source's own identifier names (a JSON Lines id, a DOI, an OpenReview id, s2:...), compared lower-cased.
// param id: str -- the identifier as paperkg.model.source_id_match gives it (lower-case, no DOI or OpenReview URL around it)
MATCH (p:Paper)
WHERE any(ident IN coalesce(p.ids, []) WHERE toLower(ident) = $id)
RETURN p.key AS key, p.title AS title, p.ids AS ids
ORDER BY key
