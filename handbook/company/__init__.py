"""Company facts: data/company.yml decides the product, areas, squads, plans, leaders,
cadences, channels and metrics once; pages show them through macros, so they cannot drift."""
