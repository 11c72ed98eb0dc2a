import { createSubscriber } from 'svelte/reactivity';

/**
 * One shared clock for countdowns and the sealed → readable switch at a deadline. It ticks only while
 * something reactive reads it, so pages without deadlines cost nothing.
 */
const subscribe = createSubscriber((update) => {
	const timer = setInterval(update, 1000);
	return () => clearInterval(timer);
});

export const clock = {
	get now(): number {
		subscribe();
		return Date.now();
	},
};
