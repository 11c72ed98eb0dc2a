import { m } from '$lib/paraglide/messages';
import type { ProjectStatus } from '$shared/domain/vocabulary';

export type { ProjectStatus };

export function projectStatusLabel(s: ProjectStatus | string): string {
	switch (s) {
		case 'pilot':
			return m.project_pilot();
		case 'scaling':
			return m.project_scaling();
		case 'stopped':
			return m.project_stopped();
		default:
			return s;
	}
}
