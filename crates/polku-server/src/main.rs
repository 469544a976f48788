//! `polku`: the library from the command line, and `polku serve` for the browser UI.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("polku: {message}");
            ExitCode::FAILURE
        }
    }
}
