/// claimex's version: the one place it is written. `claimex --version` prints it (with the
/// git commit when built from a checkout) and every record carries it as `claimex_version`,
/// so a record says which claimex made it. Bumped with each release; see CHANGELOG.md.
public let claimexVersion = "0.3.0"
