//! Running the built binary: shared by the CLI's test files (each includes
//! this module; a file uses what it needs of it).
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The built `thaifacts` binary.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_thaifacts"))
}

/// Runs the binary with `args` and `stdin`, and returns its output. The
/// input is written from a thread, so that a binary writing much output
/// before it has read all its input cannot block on a full pipe.
pub fn run<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the binary runs");
    writer.join().expect("the writer thread ends");
    out
}
