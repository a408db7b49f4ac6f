#!/usr/bin/env node
// Launcher for the built CLI (npm run build -w dsl produces dist/).
import { main } from '../dist/cli.js';

await main();
