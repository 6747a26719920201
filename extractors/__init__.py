"""spaCy-based extractors: paper text -> mentions of models, datasets, methods and repo links.

``extractors.pipeline.load_pipeline`` builds the spaCy pipeline (``spacy.blank("en")`` plus the
project's components, no download); ``extractors.pipeline.extract_papers`` runs it over papers
and returns the project's records.
"""
