// @ts-check
// The case player's front end. One module for two hosts (see shared/host.js): anywidget in JupyterLab (traits:
// table, case_id, answers), and a static page, where it renders each host of kind "caseplayer".
// It walks the table exported by calcflow.widgets.payloads.player_table() and compares the learner's choice with the
// expert's answer there; it decides nothing else.
//
// A case: the vignette and the synthetic image, then one question at a time — size, shape, pattern, category, next
// test and, when the case has a biopsy result, where the result leads. The learner commits an answer before any
// feedback; the feedback says in words whether it matches the expert's, with the expert's explanation and sources.
// The end of the case shows the expert's path laid across (shared/pathstrip.js) and on its own system's flowchart
// (UK or US; in a box that scrolls, never drawn with text under 12 px), the teaching point and the score. Each case names the option set of each question (row.choices): the next test and what follows the result
// are places in that case's system graph, so their options differ from case to case.
//
// Hooks other checks rely on: data-calcflow="caseplayer" on the root (data-ready="true" once interactive);
// <select name="case">; each question's options are <input type="radio" name="<step>" value="<option id>">;
// data-calcflow="commit" (the commit button), "feedback" (aria-live), "score", "next-case", "present"; at the end of
// a case the flowchart's nodes and edges on the expert's path carry the class "on-path".
//
// Presentation mode (shared/present.js): → commits the chosen answer, or moves on to the next question once its
// feedback is shown (at the end of a case: the next case); ← goes back to the previous question and its feedback;
// 1–9 choose the Nth option of the open question (the status line says which keys). The image is as large as the
// screen allows, and the end of a case shows the path laid across in large type. A demonstration records nothing:
// it starts from no answers, nothing is written to localStorage while presenting, and the learner's own answers
// come back when it ends.
//
// The parts, in caseplayer/: table.js (the cases, their options and scores, the answers kept in this browser),
// words.js (the questions and the feedback), player.js (the elements, laid out), model.js (the case on show and the
// answers, in the model), draw.js (the case, the options, the expert's chart, the review, the score) and flow.js (the
// question or the end of the case, and moving between them). This module wires them to the page.

import { mountStatic } from "./shared/host.js";
import { keepingKeys } from "./shared/keys.js";
import { writeStored } from "./shared/storage.js";
import { goTo, showCase, update } from "./caseplayer/flow.js";
import { allAnswers, setAnswers } from "./caseplayer/model.js";
import { createPlayer } from "./caseplayer/player.js";
import { STORAGE_KEY, storedAnswers } from "./caseplayer/table.js";

/** @typedef {import("./shared/host.js").RenderProps} RenderProps */

/**
 * anywidget's entry point, and the static host's.
 * @param {RenderProps} props
 * @returns {() => void} the cleanup
 */
function render({ model, el }) {
  const player = createPlayer(model);
  const onPick = () => showCase(player, player.picker.value);
  const onForget = () => {
    setAnswers(player, {});
    goTo(player, 0);
  };
  const onAnswers = () => {
    // A demonstration is not kept: nothing is stored while the learner's own answers are put aside (presenting),
    // nor when they come back.
    if (player.kept === null) writeStored(STORAGE_KEY, allAnswers(player));
    update(player);
  };
  const onCaseId = () => update(player);
  player.picker.addEventListener("change", onPick);
  player.forget.addEventListener("click", onForget);
  model.on("change:answers", onAnswers);
  model.on("change:case_id", onCaseId);
  if (!Object.keys(allAnswers(player)).length) {
    const saved = storedAnswers(player.table);
    if (Object.keys(saved).length) setAnswers(player, saved);
  }
  el.replaceChildren(player.root);
  update(player);
  player.root.dataset.ready = "true";
  return () => {
    player.present.destroy();
    model.off("change:answers", onAnswers);
    model.off("change:case_id", onCaseId);
    player.picker.removeEventListener("change", onPick);
    player.forget.removeEventListener("click", onForget);
    player.root.remove();
  };
}

const widget = keepingKeys({ render });
export default widget;
mountStatic("caseplayer", widget);
