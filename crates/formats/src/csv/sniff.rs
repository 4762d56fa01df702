//! Which delimiter a CSV uses: comma, semicolon or tab, judged from its first lines.

const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// Counts each candidate outside quotes on each of the first lines (a quoted field may span
/// lines), and picks the one that appears most often on the header line and as often on the
/// lines after it. A file with none of them is a one-column file, read as comma-separated.
pub fn delimiter(text: &str) -> u8 {
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.bytes().take(64 * 1024) {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines.push(counts);
                counts = [0; 3];
                if lines.len() == 20 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|d| *d == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    if counts.iter().any(|c| *c > 0) {
        lines.push(counts);
    }
    let Some(header) = lines.first() else {
        return b',';
    };
    let score = |i: usize| -> (usize, usize) {
        // Lines that agree with the header count first, then how many columns it gives.
        let agree = lines.iter().filter(|l| l[i] == header[i]).count();
        if header[i] == 0 {
            (0, 0)
        } else {
            (agree, header[i])
        }
    };
    let best = (0..3)
        .max_by_key(|i| (score(*i), std::cmp::Reverse(*i)))
        .unwrap_or(0);
    if header[best] == 0 {
        b','
    } else {
        CANDIDATES[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_splits_every_line_alike() {
        assert_eq!(delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(delimiter("Name;Gehalt\n\"Müller, Hans\";72.000,50\n"), b';');
        assert_eq!(delimiter("Name\tTitle\nAda\tEngineer, Senior\n"), b'\t');
        assert_eq!(delimiter("just one column\nvalue\n"), b',');
        assert_eq!(delimiter("\"a;b\",c\n\"x;y\",z\n"), b',');
    }
}
