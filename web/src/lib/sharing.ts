import { m } from '$lib/paraglide/messages';
import type { PROJECT_STATUSES } from '$shared/schemas/sharing';

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export function projectStatusLabel(s: ProjectStatus | string): string {
	switch (s) {
		case 'pilot': return m.project_pilot();
		case 'scaling': return m.project_scaling();
		case 'stopped': return m.project_stopped();
		default: return s;
	}
}
