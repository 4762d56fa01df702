//! Command-line values that are the core's own enums (a view, a paper, a format): clap lists the
//! spellings (with help, as a derived `ValueEnum` would) and the enum's `FromStr` reads them, so
//! the CLI, the app's bindings and the exporters share one enum per concept.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use std::fmt::Debug;
use std::str::FromStr;
use topograph_formats::csv::export::Table;
use topograph_formats::source::Format;
use topograph_model::{DiagramFormat, Paper, View};

fn one_of<T>(values: impl IntoIterator<Item = PossibleValue>) -> impl TypedValueParser<Value = T>
where
    T: FromStr + Clone + Send + Sync + 'static,
    T::Err: Debug,
{
    PossibleValuesParser::new(values).map(|s| s.parse::<T>().expect("a listed spelling parses"))
}

fn plain(spellings: impl IntoIterator<Item = &'static str>) -> Vec<PossibleValue> {
    spellings.into_iter().map(PossibleValue::new).collect()
}

pub fn view() -> impl TypedValueParser<Value = View> {
    one_of(plain(View::ALL.iter().map(|v| v.as_str())))
}

pub fn paper() -> impl TypedValueParser<Value = Paper> {
    one_of(Paper::ALL.iter().map(|p| {
        let value = PossibleValue::new(p.as_str());
        match p {
            Paper::Fit => value.help("One page the size of the diagram"),
            _ => value,
        }
    }))
}

pub fn data_format() -> impl TypedValueParser<Value = Format> {
    one_of(plain(Format::ALL.iter().map(|f| f.as_str())))
}

pub fn table() -> impl TypedValueParser<Value = Table> {
    one_of(Table::ALL.iter().map(|t| {
        PossibleValue::new(t.as_str()).help(match t {
            Table::People => "People with their manager (employee id, email, name) and seats",
            Table::Units => "Units with type, parent, lead and headcount",
            Table::Ownership => "Product areas with their owner and contributors",
        })
    }))
}

/// What `export` writes: a data file or a diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Data(Format),
    Diagram(DiagramFormat),
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        s.parse()
            .map(ExportFormat::Data)
            .or_else(|_| s.parse().map(ExportFormat::Diagram))
    }
}

pub fn export_format() -> impl TypedValueParser<Value = ExportFormat> {
    // Listed as the help always has: the whole document first.
    let order = [
        Format::Json,
        Format::Csv,
        Format::Backstage,
        Format::Teamapi,
    ];
    let data = order.into_iter().map(|f| {
        PossibleValue::new(f.as_str()).help(match f {
            Format::Json => "The whole document, every scenario (lossless; `import` reads it back)",
            Format::Csv => "One table of the scenario, chosen by --what",
            Format::Backstage => {
                "The scenario as a Backstage catalog (one multi-document YAML file)"
            }
            Format::Teamapi => "One Team API YAML file per team, into the directory -o names",
        })
    });
    let diagram = DiagramFormat::ALL.iter().map(|f| {
        PossibleValue::new(f.as_str()).help(match f {
            DiagramFormat::Svg => "A diagram (--view) as an SVG image with real text",
            DiagramFormat::Pdf => {
                "A diagram (--view) as a PDF with selectable text, on one page or tiled (--tile)"
            }
            DiagramFormat::Png => "A diagram (--view) as a PNG image (--scale 1-4 or --width)",
        })
    });
    one_of(data.chain(diagram))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    /// Parses `value` for an option whose parser is `parser`, as clap does on the command line.
    fn parse<T: Clone + Send + Sync + 'static>(
        parser: impl TypedValueParser<Value = T>,
        value: &str,
    ) -> Result<T, clap::Error> {
        let mut m = Command::new("t")
            .arg(Arg::new("v").long("v").value_parser(parser))
            .try_get_matches_from(["t", "--v", value])?;
        Ok(m.remove_one::<T>("v").expect("given"))
    }

    #[test]
    fn every_spelling_of_the_core_enums_is_accepted_and_nothing_else() {
        for v in View::ALL {
            assert_eq!(parse(view(), v.as_str()).unwrap(), *v);
        }
        for p in Paper::ALL {
            assert_eq!(parse(paper(), p.as_str()).unwrap(), *p);
        }
        for t in Table::ALL {
            assert_eq!(parse(table(), t.as_str()).unwrap(), *t);
        }
        for f in Format::ALL {
            assert_eq!(parse(data_format(), f.as_str()).unwrap(), *f);
            assert_eq!(
                parse(export_format(), f.as_str()).unwrap(),
                ExportFormat::Data(*f)
            );
        }
        for f in DiagramFormat::ALL {
            assert_eq!(
                parse(export_format(), f.as_str()).unwrap(),
                ExportFormat::Diagram(*f)
            );
        }
        assert!(parse(view(), "OrgChart").is_err());
        assert!(parse(data_format(), "svg").is_err());
    }
}
