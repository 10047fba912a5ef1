// The offline report viewer: bundled into each exported HTML file (see vite.viewer.config.ts).
import { mount } from 'svelte';
import '../../../app.css';
import SnapshotReport from '$lib/components/SnapshotReport.svelte';
import ViewerFailure from './ViewerFailure.svelte';
import { parseSnapshotJson, SnapshotError } from '../snapshot-json';
import { REPORT_ROOT_ID, SNAPSHOT_ELEMENT_ID } from '../snapshot-html';

const target = document.getElementById(REPORT_ROOT_ID) ?? document.body;
try {
  // The file may have been edited since it was exported: it is read like any untrusted snapshot.
  const snapshot = parseSnapshotJson(document.getElementById(SNAPSHOT_ELEMENT_ID)?.textContent ?? '');
  mount(SnapshotReport, { target, props: { snapshot, origin: 'report' } });
} catch (error) {
  const reason = error instanceof SnapshotError ? error.message : String(error);
  mount(ViewerFailure, { target, props: { message: `This report could not be shown: ${reason}` } });
}
