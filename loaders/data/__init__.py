"""Word lists the loaders read at run time (packaged as data files)."""
