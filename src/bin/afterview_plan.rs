//! `afterview-plan`: reads a backup document on stdin and prints the planned actions as JSON.

fn main() {
    eprintln!("afterview-plan: not implemented yet");
    std::process::exit(2);
}
