//! Python bindings of thaifacts (built with maturin as `thaifacts._thaifacts`).
//!
//! The facts cross into Python as the same JSON the command-line tool writes,
//! decoded by Python's `json` module, so the Python dict has exactly the
//! contract's field names and values.

use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use rayon::prelude::*;

fn parse_published(published: Option<&str>) -> PyResult<Option<NaiveDate>> {
    published
        .map(|p| {
            NaiveDate::parse_from_str(p, "%Y-%m-%d")
                .map_err(|_| PyValueError::new_err(format!("published is {p:?}, expected YYYY-MM-DD")))
        })
        .transpose()
}

fn facts_json(extractor: &thaifacts::Extractor, text: &str, published: Option<NaiveDate>) -> String {
    serde_json::to_string(&extractor.extract_with(text, published)).expect("facts serialize")
}

/// The facts of one article, as a JSON string (the contract, byte for byte as
/// the command-line tool writes it).
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn extract_json(py: Python<'_>, text: &str, published: Option<&str>) -> PyResult<String> {
    let published = parse_published(published)?;
    let text = text.to_owned();
    Ok(py.detach(move || facts_json(&thaifacts::Extractor::default(), &text, published)))
}

/// The facts of one article, as a dict.
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn extract<'py>(py: Python<'py>, text: &str, published: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    let json = extract_json(py, text, published)?;
    py.import("json")?.call_method1("loads", (json,))
}

/// The facts of many articles, as a list of dicts in input order; the work
/// runs on all cores with the GIL released.
#[pyfunction]
#[pyo3(signature = (texts, published=None))]
fn extract_many<'py>(py: Python<'py>, texts: Vec<String>, published: Option<&str>) -> PyResult<Bound<'py, PyList>> {
    let published = parse_published(published)?;
    let jsons: Vec<String> = py.detach(move || {
        let extractor = thaifacts::Extractor::default();
        texts.par_iter().map(|t| facts_json(&extractor, t, published)).collect()
    });
    let loads = py.import("json")?.getattr("loads")?;
    let out = PyList::empty(py);
    for j in jsons {
        out.append(loads.call1((j,))?)?;
    }
    Ok(out)
}

#[pymodule]
fn _thaifacts(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("SCHEMA_VERSION", thaifacts::SCHEMA_VERSION)?;
    Ok(())
}
