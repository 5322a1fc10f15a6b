
// --- calcflow/widgets/dom.js: shared by the widgets, appended to each widget's module by Python
// (calcflow.widgets.standalone.module_source), so every widget stays one ES module with no imports.

// element("p", {class: "x", hidden: false}, "text", child, [more]) — attributes that are null, undefined or false
// are left out; children that are null or undefined are skipped.
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}
