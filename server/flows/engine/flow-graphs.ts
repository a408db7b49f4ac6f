import { Injectable } from '@nestjs/common';
import { compileFlow, parse, type Flow as FlowAst, type FlowGraph } from '@stroom/dsl';
import type { Flow } from '../flow.entity.js';

const MAX_CACHED = 500;

/** Compiled step graphs per flow version: a flow's source only changes with its version number. */
@Injectable()
export class FlowGraphs {
  private readonly cache = new Map<string, FlowGraph>();

  of(flow: Pick<Flow, 'id' | 'version' | 'source'>): FlowGraph {
    const key = `${flow.id}:${flow.version}`;
    let graph = this.cache.get(key);
    if (!graph) {
      graph = compileFlow(parse(flow.source).ast.declarations[0] as FlowAst);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, graph);
    }
    return graph;
  }
}
