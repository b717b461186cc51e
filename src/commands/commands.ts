/* global Office */

// The ribbon button opens the task pane declaratively (ShowTaskpane); this page only has to load so that
// Office can host the commands surface. Nothing else runs here.
Office.onReady(() => undefined);
