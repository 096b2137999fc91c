import { randomUUID } from 'node:crypto'
import type { Emulator } from './server'
import { now, type InstanceRecord, type TaskRecord } from './state'

/** A Cloud Databases task on a deployment: `running`, then `completed` after taskMs, when its effect is applied. */
export function newTask(emu: Emulator, i: InstanceRecord, description: string, resourceType: string, apply?: () => Promise<void>): TaskRecord {
  const task: TaskRecord = {
    id: `crn:v1:bluemix:public:databases-for-redis:${i.region}:a/${emu.state.account.id}:${i.guid}:task:${randomUUID()}`,
    description,
    resourceType,
    deploymentId: i.crn,
    createdAt: now(),
    doneAt: Date.now() + emu.options.taskMs,
    fail: false,
    applied: false,
    ...(apply ? { onComplete: apply } : {})
  }
  emu.state.tasks.set(task.id, task)
  i.deployment.tasks.push(task)
  emu.scheduleTask(task)
  return task
}
