use super::*;

fn span(class: &str, start: usize, end: usize) -> Span {
    Span { class: class.into(), start, end }
}

fn doc(text: &str) -> SpanDoc {
    SpanDoc { name: "d".into(), text: text.into(), spans: vec![] }
}

#[test]
fn exact_and_overlap_count_one_of_each_case() {
    let d = doc(&"x".repeat(100));
    let gold = [span("PERSON", 0, 10), span("PERSON", 20, 30), span("PERSON", 40, 50)];
    // A true positive, a boundary error, a false alarm; gold 40..50 is missed.
    let pred = [span("PERSON", 0, 10), span("PERSON", 20, 25), span("PERSON", 60, 70)];
    let (g, p): (Vec<&Span>, Vec<&Span>) = (gold.iter().collect(), pred.iter().collect());
    let mut out = ClassScore::default();
    let mut diffs = vec![];
    let mut marks = vec![];
    score_class(&d, "PERSON", &g, &p, &mut out, &mut diffs, 3, &mut marks);
    assert_eq!(out.exact, Counts { tp: 1, fp: 2, fn_: 2 });
    let outcomes: Vec<(usize, Outcome, bool)> = marks.iter().map(|m| (m.start, m.outcome, m.boundary)).collect();
    assert_eq!(
        outcomes,
        [
            (0, Outcome::Match, false),
            (20, Outcome::Miss, true),
            (40, Outcome::Miss, false),
            (20, Outcome::FalseAlarm, true),
            (60, Outcome::FalseAlarm, false)
        ]
    );
    assert_eq!(out.overlap, Counts { tp: 2, fp: 1, fn_: 1 });
    let kinds: Vec<DiffKind> = diffs.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [DiffKind::Boundary, DiffKind::Miss, DiffKind::FalseAlarm]);
    assert_eq!(diffs[1].left, "xxx");
}

#[test]
fn one_predicted_span_over_two_gold_spans_matches_one() {
    let d = doc(&"x".repeat(40));
    let gold = [span("ORGANIZATION", 0, 10), span("ORGANIZATION", 11, 20)];
    let pred = [span("ORGANIZATION", 0, 20)];
    let mut out = ClassScore::default();
    score_class(
        &d,
        "ORGANIZATION",
        &gold.iter().collect::<Vec<_>>(),
        &pred.iter().collect::<Vec<_>>(),
        &mut out,
        &mut vec![],
        0,
        &mut vec![],
    );
    assert_eq!(out.overlap, Counts { tp: 1, fp: 0, fn_: 1 });
    assert_eq!(out.exact, Counts { tp: 0, fp: 1, fn_: 2 });
}

#[test]
fn brat_errors_name_file_and_line() {
    let p = Path::new("a.ann");
    let e = parse_brat("a", "abc", "T1\tPERSON 0\tabc", p).unwrap_err();
    assert_eq!(e.to_string(), "a.ann:1: expected `T<id><TAB>TYPE START END<TAB>TEXT`, found \"T1\\tPERSON 0\\tabc\"");
    let e = parse_brat("a", "abc", "#1\tnote\nT1\tPERSON 0 9\tabc", p).unwrap_err();
    assert_eq!(e.to_string(), "a.ann:2: offsets 0..9 outside the text (3 characters) or reversed");
}

#[test]
fn brat_discontinuous_spans_run_first_start_to_last_end() {
    let d =
        parse_brat("a", "ab cd", "T1\tPERSON 0 2;3 5\tab cd\nR1\tRel Arg1:T1 Arg2:T1\n", Path::new("a.ann")).unwrap();
    assert_eq!(d.spans, [span("PERSON", 0, 5)]);
}

#[test]
fn iob_reads_bioes_lst20_tags_and_documents() {
    let src = "-DOCSTART-\nก\tB_PER\nข\tE_PER\n_\tO\nค\tS-LOC\n\nง\tI-ORG\n-DOCSTART-\nจ\tO\n";
    let docs = parse_iob("f", src, Path::new("f.iob"), IobJoin::Concat).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].name, "f#1");
    assert_eq!(docs[0].text, "กข ค\nง");
    let texts: Vec<(&str, &str)> =
        docs[0].spans.iter().map(|s| (s.class.as_str(), &docs[0].text[s.start..s.end])).collect();
    assert_eq!(texts, [("PER", "กข"), ("LOC", "ค"), ("ORG", "ง")]);
    let e = parse_iob("f", "ก\tX\n", Path::new("f.iob"), IobJoin::Concat).unwrap_err();
    assert_eq!(e.to_string(), "f.iob:1: expected a tag O, B-X, I-X, E-X or S-X in the last column, found \"X\"");
}

#[test]
fn iob_space_join_for_space_separated_corpora() {
    let docs = parse_iob("f", "John B-PER\nSmith I-PER\nsaid O\n", Path::new("f.conll"), IobJoin::Space).unwrap();
    assert_eq!(docs[0].text, "John Smith said");
    assert_eq!(docs[0].spans, [span("PER", 0, 10)]);
}

#[test]
fn predicted_spans_are_flat_and_name_people_by_name() {
    let text = "นายสมชาย ใจดี นายกรัฐมนตรี เดินทางไปมหาวิทยาลัยขอนแก่น จากนั้นนายกรัฐมนตรีกล่าวว่า";
    let facts = crate::extract(text);
    assert!(facts.places.iter().any(|p| p.name == "ขอนแก่น"), "the fact is there: {facts:?}");
    let predicted = predicted_spans(&facts);
    let spans: Vec<(&str, &str)> = predicted.iter().map(|s| (s.class.as_str(), &text[s.start..s.end])).collect();
    assert_eq!(spans, [("PERSON", "นายสมชาย ใจดี"), ("ORGANIZATION", "มหาวิทยาลัยขอนแก่น")]);
}

#[test]
fn context_counts_characters_not_bytes() {
    assert_eq!(context_of("กขคงจ", 6, 9, 1), ("ข".to_string(), "ง".to_string()));
    assert_eq!(context_of("ab\ncd", 3, 4, 5), ("ab ".to_string(), "d".to_string()));
}

#[test]
fn rows_are_the_classes_then_their_sum() {
    let class = |tp, fp, fn_| ClassScore {
        gold: tp + fn_,
        predicted: tp + fp,
        exact: Counts { tp, fp, fn_ },
        overlap: Counts { tp: tp + 1, fp: fp - 1, fn_: fn_ - 1 },
    };
    let mut report = SpanReport::default();
    report.classes.insert("PERSON".into(), class(3, 2, 4));
    report.classes.insert("DATE".into(), class(5, 1, 2));
    let rows = report.rows();
    let names: Vec<&str> = rows.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["DATE", "PERSON", "micro"]);
    let (_, micro) = rows[2];
    assert_eq!((micro.gold, micro.predicted), (14, 11));
    assert_eq!(micro.exact, Counts { tp: 8, fp: 3, fn_: 6 });
    assert_eq!(micro.overlap, Counts { tp: 10, fp: 1, fn_: 4 });
}

#[test]
fn squeeze_after_drops_the_space_after_a_class_and_moves_every_span() {
    let text = "นายสมชาย ใจดี  กล่าวที่ขอนแก่น นายมานะ ดีมาก 5 คน\nนายวีระ ชัยชนะ\nต่อ";
    let span = |class: &str, t: &str| {
        let start = text.find(t).unwrap();
        Span { class: class.into(), start, end: start + t.len() }
    };
    let doc = SpanDoc {
        name: "d".into(),
        text: text.into(),
        spans: vec![
            span("PERSON", "นายสมชาย ใจดี"),
            span("LOCATION", "ขอนแก่น"),
            span("PERSON", "นายมานะ ดีมาก"),
            span("PERSON", "นายวีระ ชัยชนะ"),
        ],
    };
    let squeezed = doc.squeeze_after(&["PERSON"]);
    // The two spaces before กล่าว go; the space before a digit, the line end
    // and the space after a LOCATION stay.
    assert_eq!(squeezed.text, "นายสมชาย ใจดีกล่าวที่ขอนแก่น นายมานะ ดีมาก 5 คน\nนายวีระ ชัยชนะ\nต่อ");
    let texts: Vec<&str> = squeezed.spans.iter().map(|s| &squeezed.text[s.start..s.end]).collect();
    assert_eq!(texts, ["นายสมชาย ใจดี", "ขอนแก่น", "นายมานะ ดีมาก", "นายวีระ ชัยชนะ"]);
    assert_eq!(doc.squeeze_after(&[]), doc);
}
