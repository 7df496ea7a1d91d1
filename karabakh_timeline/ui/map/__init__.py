"""The map dock: the base map, the places of the selected period, and the place filter."""
