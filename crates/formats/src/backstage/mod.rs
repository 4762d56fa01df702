//! Backstage software catalog: Groups, Users, Domains, Systems and Components in, and the
//! scenario out as catalog YAML.
