import { z } from 'zod'
import type { IbmCloudClient } from '../ibmcloud/client'
import { TaskBody } from '../ibmcloud/api-shapes'
import { regionOfCrn, taskOutcome, waitForTask, type TaskWaitOptions } from '../ibmcloud/databases'

const TaskList = z.looseObject({ tasks: z.array(TaskBody).max(1_000).default([]) })

/**
 * A restriction reaches a Cloud Databases instance as a task on it ("Recent Tasks"): it is in
 * force when the task completes. Follows every task still running on the instance.
 */
export async function waitForInstanceTasks(client: IbmCloudClient, crn: string, options: TaskWaitOptions = {}): Promise<void> {
  const region = regionOfCrn(crn)
  const list = await client.requester.run(
    { op: 'listInstanceTasks', region },
    TaskList,
    () => client.cloudDatabases(region).listDeploymentTasks(crn),
    options
  )
  for (const task of list.tasks.filter((t) => taskOutcome(t) === 'pending')) {
    await waitForTask(client, region, task, 'applyRestriction', options)
  }
}
