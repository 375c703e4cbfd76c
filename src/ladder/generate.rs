//! A synthetic ladder at the scale of a national occupation database, for benchmarks and
//! scale tests. It goes through the same TOML loading and validation as real content.

use std::fmt::Write;

use super::SourceFile;

/// Content files for a valid ladder of `levels` levels holding `skill_refs` skill references in
/// all, spread over tracks of at most 100 levels and a catalogue of `skills` skills.
pub fn large_ladder(levels: usize, skill_refs: usize, skills: usize) -> Vec<SourceFile> {
    let skills = skills.max(1);
    let tracks = levels.div_ceil(100).max(1);
    let mut head = String::from("[ladder]\nname = \"Generated ladder\"\n\n");
    for t in 0..tracks {
        let _ = write!(
            head,
            "[[tracks]]\nid = \"track-{t}\"\ntitle = \"Track {t}\"\norder = {}\n\n",
            t + 1
        );
    }
    for c in 0..8 {
        let _ = write!(
            head,
            "[[categories]]\nid = \"category-{c}\"\nname = \"Category {c}\"\n\n"
        );
    }
    for s in 0..skills {
        let _ = write!(
            head,
            "[[skills]]\nid = \"skill-{s}\"\nname = \"Skill {s} of the catalogue\"\ncategory = \"category-{}\"\n\
             description = \"What skill {s} means, in a sentence about budgets, people and plans.\"\n\n",
            s % 8
        );
    }
    // One file of levels per track, as a company might keep them (and each well under the
    // size limit of a content file).
    let mut bodies = vec![String::new(); tracks];
    let per_level = skill_refs / levels.max(1);
    let extra = skill_refs % levels.max(1);
    let proficiencies = ["basic", "working", "advanced", "expert"];
    for l in 0..levels {
        let track = l / 100;
        let rank = l % 100 + 1;
        let body = &mut bodies[track];
        let _ = write!(
            body,
            "[[levels]]\nid = \"level-{l}\"\ntitle = \"Level {l} title\"\ntrack = \"track-{track}\"\nrank = {rank}\n\
             summary = \"A generated level, number {l}, that leads a team of teams.\"\nscope = \"Group {l}\"\n\
             decision_scope = \"Budgets of group {l}\"\nexample_titles = [\"Senior Analyst {l}\", \"Lead {l}\"]\n\
             responsibilities = [\"Run the budget of group {l}\", \"Hire and coach people\", \"Report progress upward\"]\n\
             move_up = [\"Lead a project across groups\"]\nsources = [\"generated\"]\n\
             experience = {{ field = {{ min = {}, max = {} }}, managing = {{ min = {} }} }}\n\
             education = {{ typical = \"Bachelor's degree\" }}\n",
            rank / 5,
            rank / 5 + 5,
            rank / 10
        );
        if rank < 100 && l + 1 < levels {
            let _ = writeln!(body, "reports_to = [\"level-{}\"]", l + 1);
        }
        let count = (per_level + usize::from(l < extra)).min(skills);
        body.push_str("skills = [\n");
        for k in 0..count {
            let _ = writeln!(
                body,
                "  {{ skill = \"skill-{}\", proficiency = \"{}\" }},",
                (l * 7 + k) % skills,
                proficiencies[(l + k) % 4]
            );
        }
        body.push_str("]\n\n");
    }
    let mut files = vec![SourceFile {
        name: "generated/ladder.toml".into(),
        text: head,
    }];
    files.extend(bodies.into_iter().enumerate().map(|(t, text)| SourceFile {
        name: format!("generated/levels-{t:03}.toml"),
        text,
    }));
    files
}
