import router from '@adonisjs/core/services/router'

const DirectoryController = () => import('#modules/experts/directory/directory_controller')

/* 找专家 and the profile pages are public: farmers look for an expert before signing in. */
router.get('/experts', [DirectoryController, 'index']).as('experts.directory.index')
router.get('/experts/:id', [DirectoryController, 'show']).as('experts.directory.show').where('id', router.matchers.number())
