import { outputArrow } from "../../loaders/arrow.ts";

process.stdout.write(await outputArrow("rejects"));
