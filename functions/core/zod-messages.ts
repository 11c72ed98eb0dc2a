import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini ships without messages ("Invalid input"); the API answers in English with the real reason.
z.config(en());
