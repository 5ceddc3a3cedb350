import { outputArrow } from "../../loaders/arrow.ts";

process.stdout.write(await outputArrow("funding_by_source"));
