//! Team API (Team Topologies) as code: one YAML file per team, out and back in.
