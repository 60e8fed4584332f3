"""The packing desk: scanning, parcels, packaging, weighing, and the clerk counts."""
