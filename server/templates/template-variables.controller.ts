import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MERGE_VARIABLES, SCALAR_VARIABLES } from './merge-variables.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { TEMPLATE_VARIABLES_REF } from './templates-openapi.js';

/** The merge variables templates may use, for the editor's variable picker. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/template-variables')
export class TemplateVariablesController {
  @Get()
  @ApiOperation({ summary: 'Every merge variable: {{ person.first_name }}, {{ unsubscribe_url }}, …' })
  @ApiAnswers(200, TEMPLATE_VARIABLES_REF, [401, 403])
  list() {
    const items = [...Object.entries(MERGE_VARIABLES).flatMap(([root, fields]) => fields.map((field) => `${root}.${field}`)), ...SCALAR_VARIABLES];
    return { items, total: items.length };
  }
}
