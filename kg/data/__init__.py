"""Data shipped with the package: the bundled sample corpus and the extractors' gazetteers."""
